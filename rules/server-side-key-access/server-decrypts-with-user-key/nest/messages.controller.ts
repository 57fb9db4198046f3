import { Controller, Get, Param } from '@nestjs/common';
import { MessagesService } from './messages.service';

@Controller('messages')
export class MessagesController {
  constructor(private readonly service: MessagesService) {}

  @Get(':id')
  read(@Param('id') id: string) {
    return this.service.read(id);
  }
}
