import { configure } from '@testing-library/dom';

// `findBy…` and `waitFor` wait for what a page shows after its reads and debounces. Their default of one second is
// tight when the whole suite shares two cores with PostgreSQL, NATS and other workspaces' tests (a loaded CI run saw
// a list's search and a picker's options miss it); a page that never shows the text still fails, only later.
configure({ asyncUtilTimeout: 5000 });
