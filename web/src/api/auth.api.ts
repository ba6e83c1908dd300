import type { ChangePassword, CreatedToken, CreateToken, CreateUser, Login, Me, Role, TokenView, UpdateUser, UserView } from '@rolecall/server/api';
import { apiRequest } from './api-client';

// Types only: the server's schemas are the one definition; no server code is bundled.
export type { CreatedToken, Me, Role, TokenView, UserView };

export function signIn(body: Login): Promise<Me> {
  return apiRequest('POST', '/auth/login', { body });
}

export function signOut(): Promise<void> {
  return apiRequest('POST', '/auth/logout');
}

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return apiRequest('GET', '/me', { signal });
}

export function changePassword(body: ChangePassword): Promise<void> {
  return apiRequest('POST', '/me/password', { body });
}

export function listUsers(signal?: AbortSignal): Promise<UserView[]> {
  return apiRequest('GET', '/users', { signal });
}

export function createUser(body: CreateUser): Promise<UserView> {
  return apiRequest('POST', '/users', { body });
}

export function updateUser(id: string, body: UpdateUser): Promise<UserView> {
  return apiRequest('PATCH', `/users/${id}`, { body });
}

export function resetPassword(id: string, password: string): Promise<void> {
  return apiRequest('POST', `/users/${id}/password`, { body: { password } });
}

export function listTokens(signal?: AbortSignal): Promise<TokenView[]> {
  return apiRequest('GET', '/tokens', { signal });
}

export function createToken(body: CreateToken): Promise<CreatedToken> {
  return apiRequest('POST', '/tokens', { body });
}

export function revokeToken(id: string): Promise<void> {
  return apiRequest('DELETE', `/tokens/${id}`);
}
