package simcall

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestDrawStaysInSchedule: every drawn call comes from a listed caller
// to a listed agent, rings and talks within the schedule's bounds (a
// missed call rings until the Dial timeout), and a zero CallerHangsUp
// never makes the customer end a call.
func TestDrawStaysInSchedule(t *testing.T) {
	s := Schedule{
		Callers: []Caller{{Number: "+14155550142", Name: "ALICE WONG"}, {Number: "+16175550111"}},
		Agents:  []string{"101", "102"},
	}.WithDefaults()
	rnd := rand.New(rand.NewPCG(1, 7))
	var answered, missed int
	for range 200 {
		p := draw(rnd, s)
		if !slices.Contains(s.Callers, p.Caller) || !slices.Contains(s.Agents, p.Agent) {
			t.Fatalf("call from %+v to %q: not in the schedule", p.Caller, p.Agent)
		}
		if p.CallerHangsUp {
			t.Fatalf("customer hang-up drawn with CallerHangsUp 0: %+v", p)
		}
		if !p.Answered {
			missed++
			if p.Ring != s.NoAnswer || p.Talk != 0 {
				t.Errorf("missed call: ring %v talk %v, want %v and 0", p.Ring, p.Talk, s.NoAnswer)
			}
			continue
		}
		answered++
		if p.Ring < s.RingMin || p.Ring >= s.RingMax || p.Talk < s.TalkMin || p.Talk >= s.TalkMax {
			t.Errorf("answered call: ring %v talk %v, want [%v,%v) and [%v,%v)", p.Ring, p.Talk, s.RingMin, s.RingMax, s.TalkMin, s.TalkMax)
		}
	}
	if answered == 0 || missed == 0 {
		t.Errorf("200 calls: %d answered, %d missed; want some of each", answered, missed)
	}
}

// TestDefaults are the AMI simulator's historic ones.
func TestDefaults(t *testing.T) {
	got := Schedule{}.WithDefaults()
	want := Schedule{Every: 20 * time.Second, Answered: 0.75, RingMin: time.Second, RingMax: 6 * time.Second,
		NoAnswer: 15 * time.Second, TalkMin: 8 * time.Second, TalkMax: 45 * time.Second}
	if got.Every != want.Every || got.Answered != want.Answered || got.RingMin != want.RingMin || got.RingMax != want.RingMax ||
		got.NoAnswer != want.NoAnswer || got.TalkMin != want.TalkMin || got.TalkMax != want.TalkMax || got.CallerHangsUp != 0 {
		t.Errorf("defaults: got %+v, want %+v", got, want)
	}
}
