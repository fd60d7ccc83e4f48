package auth

import (
	"crypto/md5"
	"strings"
)

const itoa64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// MD5Crypt computes the FreeBSD MD5-crypt ("$1$") hash of password with the
// given salt, as PHP's crypt() does. salt may carry the "$1$" prefix and a
// trailing "$"; only its first 8 characters count.
func MD5Crypt(password, salt string) string {
	const magic = "$1$"
	salt = strings.TrimPrefix(salt, magic)
	if i := strings.IndexByte(salt, '$'); i >= 0 {
		salt = salt[:i]
	}
	if len(salt) > 8 {
		salt = salt[:8]
	}
	pw := []byte(password)

	alt := md5.Sum([]byte(password + salt + password))
	h := md5.New()
	h.Write(pw)
	h.Write([]byte(magic + salt))
	for i := len(pw); i > 0; i -= 16 {
		h.Write(alt[:min(i, 16)])
	}
	// The algorithm's odd quirk: for each bit of the length, a zero byte
	// or the first byte of the password.
	for i := len(pw); i > 0; i >>= 1 {
		if i&1 == 1 {
			h.Write([]byte{0})
		} else if len(pw) > 0 {
			h.Write(pw[:1])
		}
	}
	final := h.Sum(nil)

	// 1000 rounds, deliberately slow.
	for i := 0; i < 1000; i++ {
		r := md5.New()
		if i&1 == 1 {
			r.Write(pw)
		} else {
			r.Write(final)
		}
		if i%3 != 0 {
			r.Write([]byte(salt))
		}
		if i%7 != 0 {
			r.Write(pw)
		}
		if i&1 == 1 {
			r.Write(final)
		} else {
			r.Write(pw)
		}
		final = r.Sum(nil)
	}

	var out strings.Builder
	out.WriteString(magic + salt + "$")
	groups := [][3]int{{0, 6, 12}, {1, 7, 13}, {2, 8, 14}, {3, 9, 15}, {4, 10, 5}}
	for _, g := range groups {
		to64(&out, uint(final[g[0]])<<16|uint(final[g[1]])<<8|uint(final[g[2]]), 4)
	}
	to64(&out, uint(final[11]), 2)
	return out.String()
}

func to64(b *strings.Builder, v uint, n int) {
	for ; n > 0; n-- {
		b.WriteByte(itoa64[v&0x3f])
		v >>= 6
	}
}
