import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { HomeBindingDecisionBody, UnverifiedHome } from '@gezhi/shared';
import { IsInt, IsNotEmpty, Min } from 'class-validator';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { IdPipe } from '../../common/http/validation';
import { CurrentUser } from '../auth/auth.decorators';
import { HomeBindingService } from './home-binding.service';
import type { User } from './user.entity';

export class HomeBindingDecisionDto implements HomeBindingDecisionBody {
  @ApiProperty({ description: 'the room as listed; refused (409) if the resident has bound another since' })
  @IsNotEmpty()
  @IsInt()
  @Min(1)
  roomId: number;
}

/** 住户核实: staff confirm or reject residents' home bindings in their scope. */
@ApiTags('staff')
@ApiBearerAuth()
@Requires(Permission.HomeBindingVerify)
@Controller(apiPath('staff/home-bindings'))
export class HomeBindingsController {
  constructor(private readonly bindings: HomeBindingService) {}

  @Get()
  unverified(@CurrentUser() user: User): Promise<UnverifiedHome[]> {
    return this.bindings.unverifiedInScope(user);
  }

  @Post(':residentUserId/confirm')
  @HttpCode(204)
  confirm(@CurrentUser() user: User, @Param('residentUserId', IdPipe) residentUserId: number, @Body() body: HomeBindingDecisionDto): Promise<void> {
    return this.bindings.confirm(user, residentUserId, body.roomId);
  }

  @Post(':residentUserId/reject')
  @HttpCode(204)
  reject(@CurrentUser() user: User, @Param('residentUserId', IdPipe) residentUserId: number, @Body() body: HomeBindingDecisionDto): Promise<void> {
    return this.bindings.reject(user, residentUserId, body.roomId);
  }
}
