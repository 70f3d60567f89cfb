export { ApiError, isApiError, type ApiErrorKind } from './errors';
export {
  getUserInfo,
  login,
  setUserInfo,
  signup,
  type Credentials,
  type RequestOptions,
  type SignupInput,
  type UpdateUserInput,
  type UserInfo,
} from './users';
