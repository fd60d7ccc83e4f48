//go:build !unix

package loadtest

// RaiseFileLimit does nothing on this system and reports no limit.
func RaiseFileLimit(want uint64) (uint64, error) { return want, nil }
