// The fictional demo city `npm run demo` starts on.
export { DEMO_CITY, printDemoLogins, seedDemo } from './seed-demo.ts'
