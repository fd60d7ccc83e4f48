package mysql

import (
	"context"
	"fmt"
	"regexp"

	"github.com/tigerline/tigerline/crm"
)

var _ crm.UserLanguageSetter = (*UserService)(nil)

// languageRe is the shape of vtiger's language codes: en_us, zh_tw.
var languageRe = regexp.MustCompile(`^[a-z]{2}_[a-z]{2}$`)

// SetLanguage sets a user's vtiger_users.language.
func (s *UserService) SetLanguage(ctx context.Context, userID int64, language string) error {
	if !languageRe.MatchString(language) {
		return crm.Errorf(crm.EInvalid, "%q is not a language code such as en_us", language)
	}
	const q = `UPDATE vtiger_users SET language = ? WHERE id = ? AND deleted = 0`
	res, err := s.db.ExecContext(ctx, q, language, userID)
	if err != nil {
		return fmt.Errorf("set language of user %d: %w", userID, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		var found int
		if err := s.db.GetContext(ctx, &found, `SELECT COUNT(*) FROM vtiger_users WHERE id = ? AND deleted = 0`, userID); err != nil {
			return fmt.Errorf("set language of user %d: %w", userID, err)
		}
		if found == 0 {
			return crm.Errorf(crm.ENotFound, "no user %d", userID)
		}
	}
	return nil
}
