import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@rolecall/presets';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { Allow } from '../auth/access.decorator';
import { CsrfExempt } from '../auth/csrf-exempt.decorator';
import { DomainError } from '../common/domain-error';
import { PAYLOAD_CODEC } from '../temporal/temporal.constants';
import { CodecPayloadsDto } from './temporal-codec.dto';
import type { CodecPayload, CodecPayloads } from './temporal-codec.schema';

const fromWire = (p: CodecPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});

const toWire = (p: Payload): CodecPayload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

/**
 * Temporal's remote codec protocol, so the Temporal Web UI (started with
 * `--ui-codec-endpoint http://<rolecall>/api/temporal-codec`) shows an admin the decrypted
 * inputs and results that Temporal itself stores only encrypted. Only decode: nothing outside
 * this server needs to produce payloads.
 */
@ApiTags('temporal')
@Controller('temporal-codec')
export class TemporalCodecController {
  constructor(@Inject(PAYLOAD_CODEC) private readonly codec: PayloadCodec) {}

  @Post('decode')
  // Decrypted workflow inputs and results are operational detail for admins; decoding changes nothing.
  @Allow('admin')
  @CsrfExempt()
  @HttpCode(200)
  @ApiOperation({ summary: 'Decrypt Temporal payloads for the Temporal Web UI (codec server protocol)' })
  @ApiOkResponse({ type: CodecPayloadsDto })
  @ApiBadRequestResponse({ description: 'Problem JSON: a payload is malformed or sealed under a key this server does not hold' })
  async decode(@Body() body: CodecPayloadsDto): Promise<CodecPayloads> {
    try {
      return { payloads: (await this.codec.decode(body.payloads.map(fromWire))).map(toWire) };
    } catch (err) {
      throw new DomainError(ErrorCode.ValidationFailed, `a payload could not be decrypted: ${(err as Error).message}`);
    }
  }
}
