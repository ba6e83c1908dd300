import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Installation } from './installation.entity';

/** The SQL of `installation` (one row). */
@Injectable()
export class InstallationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(): Promise<string | null> {
    return (await this.dataSource.manager.findOneBy(Installation, { singleton: true }))?.id ?? null;
  }

  /** The installation's id; `candidate` becomes it when there is none yet (the first process to insert wins). */
  async claim(candidate: string): Promise<string> {
    await this.dataSource.getRepository(Installation).createQueryBuilder().insert().values({ singleton: true, id: candidate }).orIgnore().execute();
    return (await this.dataSource.manager.findOneByOrFail(Installation, { singleton: true })).id;
  }
}
