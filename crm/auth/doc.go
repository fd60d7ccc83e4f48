// Package auth hashes and checks user passwords: bcrypt for every password
// set through Tigerline, and vtiger 5.4's crypt scheme for passwords that
// users still carry over from vtiger, so an imported user logs in with the
// password they had there.
package auth
