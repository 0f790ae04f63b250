'use client';

import { programStatusCard } from '../program-status-card';
import { notifierLook } from './look';

/** A notification service: its notifications, their tries, and the ones it gave up on. */
export const NotifierCard = programStatusCard('notifier', notifierLook);
