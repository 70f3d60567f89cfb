import { Field, type FieldProps } from './field';

type AccountFieldProps = Omit<FieldProps, 'label' | 'type' | 'autoComplete'>;

/** The username input, as password managers and mobile keyboards expect it. */
export function UsernameField(props: AccountFieldProps) {
  return (
    <Field
      label="Username"
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      {...props}
    />
  );
}

export function EmailField(props: AccountFieldProps) {
  return <Field label="Email" type="email" autoComplete="email" {...props} />;
}
