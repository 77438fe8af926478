// Auth0's event categories grouped as in Auth0's dashboard ("Filter By Event Category").
// The names mirror CATEGORIES of @outflow/core; test/categories.test.ts checks they stay equal.
export interface CategoryGroup {
  label: string;
  items: Array<{ name: string; label: string }>;
}

export const CATEGORY_GROUPS: CategoryGroup[] = [
  { label: 'Actions', items: [{ name: 'actions', label: 'Action Execution - Failure' }] },
  {
    label: 'Authentication',
    items: [
      { name: 'auth.login.fail', label: 'Login - Failure' },
      { name: 'auth.login.notification', label: 'Login - Notification' },
      { name: 'auth.login.success', label: 'Login - Success' },
      { name: 'auth.logout.fail', label: 'Logout - Failure' },
      { name: 'auth.logout.success', label: 'Logout - Success' },
      { name: 'auth.signup.fail', label: 'Signup - Failure' },
      { name: 'auth.signup.success', label: 'Signup - Success' },
      { name: 'auth.silent_auth.fail', label: 'Silent Authentication - Failure' },
      { name: 'auth.silent_auth.success', label: 'Silent Authentication - Success' },
      { name: 'auth.token_exchange.fail', label: 'Token Exchange - Failure' },
      { name: 'auth.token_exchange.success', label: 'Token Exchange - Success' },
    ],
  },
  {
    label: 'Management API',
    items: [
      { name: 'management.fail', label: 'Management API - Failure' },
      { name: 'management.success', label: 'Management API - Success' },
    ],
  },
  { label: 'System', items: [{ name: 'system.notification', label: 'System - Notification' }] },
  {
    label: 'User/Behavioral',
    items: [
      { name: 'user.fail', label: 'User/Behavioral - Failure' },
      { name: 'user.notification', label: 'User/Behavioral - Notification' },
      { name: 'user.success', label: 'User/Behavioral - Success' },
    ],
  },
  {
    label: 'Other',
    items: [
      { name: 'scim.event', label: 'SCIM Events' },
      { name: 'other', label: 'Other Events' },
    ],
  },
];

export const PII_FIELDS = ['first_name', 'last_name', 'username', 'email', 'phone', 'address'] as const;
