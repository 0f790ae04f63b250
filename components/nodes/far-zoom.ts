/**
 * Below this zoom a card's details are under 5 px on screen: unreadable, yet each one costs
 * layout and paint on every frame they change. The card then shows what still reads from
 * afar, in large type: its name, its status, one line of state. Above it the card's key field
 * keeps 11 px on screen by itself (app/globals.css, .key-field), which is what lets a phone
 * show three columns of full cards (about 0.45).
 */
export const FAR_ZOOM = 0.4;
