import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoModule } from '../geo/geo.module';
import { MeController } from './me.controller';
import { HomeBindingEventEntity, User, WechatSession } from './user.entity';
import { HomeBindingService } from './home-binding.service';
import { HomeBindingsController } from './home-bindings.controller';
import { UsersService } from './users.service';

/** Users, /api/me, and binding a home (住址绑定) with its staff check (住户核实). */
@Module({
  imports: [TypeOrmModule.forFeature([User, WechatSession, HomeBindingEventEntity]), GeoModule],
  controllers: [MeController, HomeBindingsController],
  providers: [UsersService, HomeBindingService],
  exports: [UsersService, TypeOrmModule],
})
export class UsersModule {}
