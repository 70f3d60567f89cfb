import 'react';

declare module 'react' {
  // The type parameter must match React's declaration for the interfaces to merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface InputHTMLAttributes<T> {
    /** Safari's password-manager hint: https://developer.apple.com/password-rules/ */
    passwordrules?: string;
  }
}
