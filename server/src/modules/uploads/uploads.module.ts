import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { LocalDiskPhotoStorage } from './local-disk-photo-storage';
import { Photo } from './photo.entity';
import { PhotoStorage } from './photo-storage';
import { FilesController, UploadsController } from './uploads.controller';
import { UploadsService } from './uploads.service';

@Module({
  imports: [TypeOrmModule.forFeature([Photo])],
  controllers: [UploadsController, FilesController],
  providers: [
    UploadsService,
    { provide: PhotoStorage, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new LocalDiskPhotoStorage(config.uploadDir) },
  ],
  exports: [UploadsService],
})
export class UploadsModule {}
