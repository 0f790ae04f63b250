'use client';

import { programStatusCard } from '../program-status-card';
import { attackerLook } from './look';

/** An attacker's machine: what it holds and how its replays are doing. */
export const AttackerCard = programStatusCard('attacker', attackerLook);
