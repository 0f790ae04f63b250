import { nodeBehaviour } from '../kind';
import { paymentsModel } from './model';
import { paymentsView } from './view';

/** What a page fetches the first time a scenario has a payment service: its model and its view. */
export const paymentsBehaviour = nodeBehaviour(paymentsModel, paymentsView);
