// Entry point for the TypeORM CLI (`npm run migration:generate -w server -- <Name>`).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnv } from '../config/env';
import { dataSourceOptions } from './data-source-options';

export default new DataSource(dataSourceOptions(loadEnv().DATABASE_URL));
