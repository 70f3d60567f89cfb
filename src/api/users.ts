import { request, type RequestOptions } from './request';
import { accessTokenResponse, updateResponse, userInfoResponse } from './schemas';

export type { RequestOptions };

export interface Credentials {
  username: string;
  password: string;
}

export interface SignupInput {
  username: string;
  email: string;
  password: string;
}

export interface UserInfo {
  username: string;
  email: string;
}

export interface UpdateUserInput {
  username: string;
  email: string;
  password: string;
}

// Each function copies the fields it sends, so whatever else a form's values hold (a
// password confirmation, say) never leaves the browser.

export function signup(
  input: SignupInput,
  options?: RequestOptions,
): Promise<{ accessToken: string }> {
  const { username, email, password } = input;
  return request(
    {
      method: 'POST',
      path: '/api/v7/signup',
      body: { username, email, password },
      schema: accessTokenResponse,
    },
    options,
  );
}

export function login(
  input: Credentials,
  options?: RequestOptions,
): Promise<{ accessToken: string }> {
  const { username, password } = input;
  return request(
    {
      method: 'POST',
      path: '/api/v7/login',
      body: { username, password },
      schema: accessTokenResponse,
    },
    options,
  );
}

export function getUserInfo(token: string, options?: RequestOptions): Promise<UserInfo> {
  return request(
    { method: 'GET', path: '/api/v7/user/info', token, schema: userInfoResponse },
    options,
  );
}

export function setUserInfo(
  token: string,
  input: UpdateUserInput,
  options?: RequestOptions,
): Promise<void> {
  const { username, email, password } = input;
  return request(
    {
      method: 'PUT',
      path: '/api/v7/user/info',
      token,
      body: { username, email, password },
      schema: updateResponse,
    },
    options,
  );
}
