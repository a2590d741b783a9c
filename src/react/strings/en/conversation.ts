/**
 * English strings the conversation components (inbox, thread, composer,
 * layout) have in common: part of each of their areas, not of the provider's.
 */
export const conversation = {
  cancel: 'Cancel',
  signedOut: 'You are signed out. Sign in again to continue.',
  notSentToCustomer: 'Not sent to customer',
  roleStaff: 'Staff',
  verified: 'Verified',
  orderNumber: 'Order #{number}',
  listingStatusActive: 'Available',
  listingStatusSold: 'Sold',
  listingStatusReserved: 'Reserved',
  messages: 'Messages',
  conversations: 'Conversations',
} as const;
