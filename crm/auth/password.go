package auth

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/bcrypt"
)

// Crypt types as stored in vtiger_users.crypt_type. vtiger 5.4 writes
// PHP5.3MD5; older installs have MD5; Tigerline writes BCRYPT.
const (
	CryptBcrypt    = "BCRYPT"
	CryptPHP53MD5  = "PHP5.3MD5"
	CryptLegacyMD5 = "MD5"
)

// MinPasswordLength is the shortest password Tigerline accepts for a new or
// changed password.
const MinPasswordLength = 8

// ErrMismatch is returned by Verify when the password is wrong.
var ErrMismatch = errors.New("password does not match")

// Hash returns the bcrypt hash of a new password and the crypt type to
// store beside it.
func Hash(password string) (hash, cryptType string, err error) {
	if len(password) < MinPasswordLength {
		return "", "", fmt.Errorf("password too short: at least %d characters", MinPasswordLength)
	}
	if len(password) > 72 {
		return "", "", fmt.Errorf("password too long: at most 72 bytes")
	}
	b, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return "", "", fmt.Errorf("hash password: %w", err)
	}
	return string(b), CryptBcrypt, nil
}

// VtigerSalt returns the salt vtiger 5.4 derives from a user name for a
// crypt type: "$1$" and the first two letters of the name padded with '0'
// to 9 characters (PHP5.3MD5), or "$1$", two letters and "$" (MD5).
// Renaming a vtiger user therefore breaks their password, in vtiger too.
func VtigerSalt(userName, cryptType string) string {
	two := userName
	if len(two) > 2 {
		two = two[:2]
	}
	if cryptType == CryptLegacyMD5 || cryptType == "" {
		return "$1$" + two + "$"
	}
	return "$1$" + two + strings.Repeat("0", 9-len(two))
}

// Verify checks password against the stored hash of the user. A bcrypt
// hash is recognised by its prefix whatever crypt_type says, so a row
// whose crypt_type was never updated still works.
func Verify(userName, cryptType, stored, password string) error {
	if stored == "" {
		return ErrMismatch
	}
	if strings.HasPrefix(stored, "$2") {
		if bcrypt.CompareHashAndPassword([]byte(stored), []byte(password)) != nil {
			return ErrMismatch
		}
		return nil
	}
	got := MD5Crypt(password, VtigerSalt(userName, cryptType))
	if subtle.ConstantTimeCompare([]byte(got), []byte(stored)) != 1 {
		return ErrMismatch
	}
	return nil
}

// NeedsRehash reports whether a successful login should replace the stored
// hash with bcrypt: every vtiger-era hash does.
func NeedsRehash(stored string) bool {
	return !strings.HasPrefix(stored, "$2")
}
