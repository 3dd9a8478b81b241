import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BoardPage } from '@gezhi/shared';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { CurrentUser } from '../auth/auth.decorators';
import type { User } from '../users/user.entity';
import { BoardService } from './board.service';
import { BoardQueryDto } from './dto/board.dto';

/** 公示: resolved items of a community, anonymised, with its current rates (docs/board.md). */
@ApiTags('board')
@ApiBearerAuth()
@Requires(Permission.BoardView)
@Controller(apiPath('board'))
export class BoardController {
  constructor(private readonly board: BoardService) {}

  @Get()
  list(@CurrentUser() user: User, @Query() query: BoardQueryDto): Promise<BoardPage> {
    return this.board.board(user, query);
  }
}
