package auth

import (
	"errors"
	"testing"
)

func TestMD5CryptKnownVectors(t *testing.T) {
	// The first is vtiger 5.4's admin/admin; the others are from
	// `openssl passwd -1 -salt SALT PASSWORD`.
	tests := []struct{ pw, salt, want string }{
		{"admin", "$1$ad0000000", "$1$ad000000$hzXFXvL3XVlnUE/X.1n9t/"},
		{"", "$1$ad0000000", "$1$ad000000$nYTnfhTZRmUP.wQT9y1AE."},
		{"password", "saltsalt", "$1$saltsalt$qjXMvbEw8oaL.CzflDtaK/"},
		{"a much longer password that spans blocks", "xyz", "$1$xyz$XPq9nBQYLukcXxP7lJsor."},
	}
	for _, tt := range tests {
		if got := MD5Crypt(tt.pw, tt.salt); got != tt.want {
			t.Errorf("MD5Crypt(%q, %q) = %q, want %q", tt.pw, tt.salt, got, tt.want)
		}
	}
}

func TestVtigerSalt(t *testing.T) {
	tests := []struct{ user, typ, want string }{
		{"admin", CryptPHP53MD5, "$1$ad0000000"},
		{"a", CryptPHP53MD5, "$1$a00000000"},
		{"admin", CryptLegacyMD5, "$1$ad$"},
	}
	for _, tt := range tests {
		if got := VtigerSalt(tt.user, tt.typ); got != tt.want {
			t.Errorf("VtigerSalt(%q, %q) = %q, want %q", tt.user, tt.typ, got, tt.want)
		}
	}
}

func TestVerify(t *testing.T) {
	const vtigerAdmin = "$1$ad000000$hzXFXvL3XVlnUE/X.1n9t/"
	if err := Verify("admin", CryptPHP53MD5, vtigerAdmin, "admin"); err != nil {
		t.Errorf("vtiger admin/admin: got %v, want nil", err)
	}
	if err := Verify("admin", CryptPHP53MD5, vtigerAdmin, "Admin"); !errors.Is(err, ErrMismatch) {
		t.Errorf("wrong password: got %v, want ErrMismatch", err)
	}
	// The salt comes from the user name: a renamed user no longer matches.
	if err := Verify("root", CryptPHP53MD5, vtigerAdmin, "admin"); !errors.Is(err, ErrMismatch) {
		t.Errorf("renamed user: got %v, want ErrMismatch", err)
	}
	hash, typ, err := Hash("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if typ != CryptBcrypt || !NeedsRehash(vtigerAdmin) || NeedsRehash(hash) {
		t.Errorf("crypt type %q, rehash flags wrong", typ)
	}
	if err := Verify("anyone", typ, hash, "correct horse"); err != nil {
		t.Errorf("bcrypt verify: got %v, want nil", err)
	}
	if err := Verify("anyone", typ, hash, "wrong horse"); !errors.Is(err, ErrMismatch) {
		t.Errorf("bcrypt wrong: got %v, want ErrMismatch", err)
	}
	if err := Verify("anyone", typ, "", ""); !errors.Is(err, ErrMismatch) {
		t.Errorf("empty stored hash: got %v, want ErrMismatch", err)
	}
	if _, _, err := Hash("short"); err == nil {
		t.Error("short password: got nil error, want one")
	}
}
