import { Injectable } from '@nestjs/common';
import { hashPassword, ScryptParameters, verifyPassword } from './password-hash';

/**
 * The CPU-heavy part of a password login (scrypt, ~70 ms at the default cost), as one injectable seam: everything
 * that may refuse a login early (PasswordService's limits) happens before a call here, and tests count the calls.
 */
@Injectable()
export class PasswordHasher {
  hash(password: string, params: ScryptParameters): Promise<string> {
    return hashPassword(password, params);
  }

  verify(password: string, stored: string): Promise<boolean> {
    return verifyPassword(password, stored);
  }
}
