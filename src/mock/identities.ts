/** A known user of the reference server, with the token that signs in as them. */
export interface MockIdentity {
  id: string;
  name: string;
  /** `buyer`, `seller` (marketplace) or `staff` (Shopmonkey). */
  role: 'buyer' | 'seller' | 'staff';
  api: 'marketplace' | 'shopmonkey';
  token: string;
  /** What this identity is good for when trying things out. */
  description: string;
}
