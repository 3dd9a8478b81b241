import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BookingView, Page } from '@gezhi/shared';
import { Permission } from '@gezhi/shared';
import { Requires } from '../../access/requires.decorator';
import { apiPath } from '../../common/http/api-paths';
import { PageQueryDto } from '../../common/http/pagination';
import { IdPipe } from '../../common/http/validation';
import { CurrentUser } from '../auth/auth.decorators';
import type { User } from '../users/user.entity';
import { BookingsService } from './bookings.service';
import { RateDto } from '../requests/dto/request.dto';
import { CreateBookingDto } from './dto/booking.dto';

@ApiTags('bookings')
@ApiBearerAuth()
@Controller(apiPath('bookings'))
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  /** 预约: 409 SLOT_FULL (已约满), ALREADY_BOOKED, SLOT_CLOSED, HOME_NOT_BOUND; 403 NOT_ELIGIBLE */
  @Post()
  @HttpCode(201)
  @Requires(Permission.BookingOwn)
  book(@CurrentUser() user: User, @Body() body: CreateBookingDto): Promise<BookingView> {
    return this.bookings.book(user, body);
  }

  /** 我的预约 */
  @Get('mine')
  @Requires(Permission.BookingOwn)
  mine(@CurrentUser() user: User, @Query() query: PageQueryDto): Promise<Page<BookingView>> {
    return this.bookings.mine(user, query);
  }

  /** one of the caller's own bookings (404 NOT_FOUND for anyone else's) */
  @Get(':id')
  @Requires(Permission.BookingOwn)
  detail(@CurrentUser() user: User, @Param('id', IdPipe) id: number): Promise<BookingView> {
    return this.bookings.detail(user, id);
  }

  /** 评价: a completed visit, once (same three 1–5 scores as a request rating; 409 ILLEGAL_TRANSITION otherwise) */
  @Post(':id/rate')
  @HttpCode(200)
  @Requires(Permission.BookingOwn)
  rate(@CurrentUser() user: User, @Param('id', IdPipe) id: number, @Body() body: RateDto): Promise<BookingView> {
    return this.bookings.rate(user, id, body);
  }

  /** 取消预约: until 2 hours before the slot (409 CANCEL_TOO_LATE after) */
  @Post(':id/cancel')
  @HttpCode(200)
  @Requires(Permission.BookingOwn)
  cancel(@CurrentUser() user: User, @Param('id', IdPipe) id: number): Promise<BookingView> {
    return this.bookings.cancel(user, id);
  }
}
