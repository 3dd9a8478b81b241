import { Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { LocalDiskPhotoStorage } from './local-disk-photo-storage';
import { Photo } from './photo.entity';
import { PhotoStorage } from './photo-storage';
import { PhotoUrls } from './photo-urls';
import { FilesController, UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';
import { OrphanUploadSweeper } from './orphan-upload-sweeper';

/** Photos: PhotoStorage (local disk), type sniffing and re-encoding, signed file URLs, the orphan sweeper. */
@Module({
  imports: [TypeOrmModule.forFeature([Photo])],
  controllers: [UploadsController, FilesController],
  providers: [
    UploadsService,
    OrphanUploadSweeper,
    {
      provide: PhotoUrls,
      inject: [APP_CONFIG, getDataSourceToken(), Clock],
      useFactory: (config: AppConfig, dataSource: DataSource, clock: Clock) => PhotoUrls.resolve(config, dataSource, clock),
    },
    { provide: PhotoStorage, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalDiskPhotoStorage(config.uploadDir) },
  ],
  exports: [UploadsService],
})
export class UploadsModule {}
