import { Module } from '@nestjs/common';
import { TemporalCodecController } from './temporal-codec.controller';

/** The remote codec endpoint of the Temporal Web UI; the codec itself comes from TemporalModule. */
@Module({ controllers: [TemporalCodecController] })
export class TemporalCodecModule {}
