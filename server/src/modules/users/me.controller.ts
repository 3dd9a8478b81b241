import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { BindHomeBody, Me } from '@gezhi/shared';
import { IsInt, IsNotEmpty, Min } from 'class-validator';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { CurrentUser } from '../auth/auth.decorators';
import type { User } from './user.entity';
import { HomeBindingService } from './home-binding.service';
import { UsersService } from './users.service';

export class BindHomeDto implements BindHomeBody {
  @ApiProperty()
  @IsNotEmpty()
  @IsInt()
  @Min(1)
  roomId: number;
}

@ApiTags('me')
@ApiBearerAuth()
@Requires(Permission.AccountRead)
@Controller(apiPath('me'))
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly homes: HomeBindingService,
  ) {}

  @Get()
  me(@CurrentUser() user: User): Promise<Me> {
    return this.users.me(user);
  }

  @Put('home')
  @Requires(Permission.HomeBind)
  bindHome(@CurrentUser() user: User, @Body() body: BindHomeDto): Promise<Me> {
    return this.homes.bind(user, body.roomId);
  }
}
