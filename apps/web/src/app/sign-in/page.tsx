import { SignInForm } from './sign-in-form';

export default function SignInPage() {
  return (
    <div className="auth-box">
      <h1>Sign in to Tierlens</h1>
      <SignInForm />
    </div>
  );
}
