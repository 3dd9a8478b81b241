import { Module } from '@nestjs/common';
import { RequestsModule } from '../requests/requests.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [RequestsModule], providers: [DemoSeedService] })
export class DemoSeedModule {}
