import { Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { UploadsConfig } from './uploads.config';
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
      inject: [UploadsConfig, getDataSourceToken(), Clock],
      useFactory: (config: UploadsConfig, dataSource: DataSource, clock: Clock) => PhotoUrls.resolve(config, dataSource, clock),
    },
    { provide: PhotoStorage, inject: [UploadsConfig], useFactory: (config: UploadsConfig) => new LocalDiskPhotoStorage(config.uploadDir) },
  ],
  exports: [UploadsService],
})
export class UploadsModule {}
