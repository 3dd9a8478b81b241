import { Controller, Get, Header, HttpCode, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { UploadedPhoto } from '@gezhi/shared';
import type { FastifyRequest } from 'fastify';
import { apiPath } from '../../common/http/api-paths';
import { CurrentUser, Public } from '../auth/auth.decorators';
import type { User } from '../users/user.entity';
import { UploadsService } from './uploads.service';

@ApiTags('uploads')
@ApiBearerAuth()
@Controller(apiPath('uploads'))
export class UploadsController {
  constructor(private readonly uploads: UploadsService) {}

  @Post()
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  upload(@CurrentUser() user: User, @Req() request: FastifyRequest): Promise<UploadedPhoto> {
    return this.uploads.upload(user, request);
  }
}

@ApiTags('uploads')
@Public()
@Controller('files')
export class FilesController {
  constructor(private readonly uploads: UploadsService) {}

  @Get(':photoId')
  @Header('Cache-Control', 'private, max-age=31536000, immutable')
  @Header('X-Content-Type-Options', 'nosniff')
  file(@Param('photoId') photoId: string): Promise<StreamableFile> {
    return this.uploads.serve(photoId);
  }
}
