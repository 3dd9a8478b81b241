import { Controller, Get, Header, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { UploadedPhoto } from '@gezhi/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { CurrentUser, Public } from '../auth/auth.decorators';
import type { User } from '../users/user.entity';
import { UploadsService } from './uploads.service';

@ApiTags('uploads')
@ApiBearerAuth()
@Requires(Permission.PhotoUpload)
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

  /** Only at the signed URL the API handed out with an item (`exp`, `sig`); cacheable until it expires. */
  @Get(':photoId')
  @ApiOperation({ summary: 'A photo at the signed URL handed out with an item the caller may see (403 PHOTO_URL_INVALID / PHOTO_URL_EXPIRED)' })
  @ApiQuery({ name: 'exp', required: true, description: 'expiry, unix seconds' })
  @ApiQuery({ name: 'sig', required: true, description: 'HMAC signature of the id and expiry' })
  @Header('X-Content-Type-Options', 'nosniff')
  async file(
    @Param('photoId') photoId: string,
    @Query('exp') exp: string | undefined,
    @Query('sig') sig: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const served = await this.uploads.serve(photoId, exp, sig);
    reply.header('Cache-Control', `private, max-age=${served.maxAgeSeconds}, immutable`);
    return served.file;
  }
}
