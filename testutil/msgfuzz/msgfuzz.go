// Package msgfuzz is the body of the msg fuzz targets of every claimchain
// module (x/*/types/fuzz_test.go): bytes are decoded as one of the module's
// msgs, then ValidateBasic and the stateless checks the msg server runs must
// return, never panic, and a msg that passes ValidateBasic must survive a
// marshal/unmarshal round trip unchanged.
package msgfuzz

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"
)

// Msg is a generated gogoproto msg with ValidateBasic.
type Msg interface {
	Marshal() ([]byte, error)
	Unmarshal([]byte) error
	ValidateBasic() error
}

// Type is one msg type of a module: New returns an empty msg, Validate runs
// the stateless checks its msg server runs (nil when there are none beyond
// ValidateBasic).
type Type struct {
	New      func() Msg
	Validate func(Msg) error
}

// Of builds a Type from typed functions.
func Of[M Msg](newMsg func() M, validate func(M) error) Type {
	t := Type{New: func() Msg { return newMsg() }}
	if validate != nil {
		t.Validate = func(m Msg) error { return validate(m.(M)) }
	}
	return t
}

// Seed adds each msg to f's seed corpus as (index of its type, its bytes).
func Seed(f *testing.F, types []Type, msgs ...Msg) {
	f.Helper()
	for _, m := range msgs {
		kind := -1
		for i, t := range types {
			if reflect.TypeOf(t.New()) == reflect.TypeOf(m) {
				kind = i
			}
		}
		if kind < 0 {
			f.Fatalf("seed %T is not among the fuzzed types", m)
		}
		bz, err := m.Marshal()
		if err != nil {
			f.Fatalf("seed %T: %v", m, err)
		}
		f.Add(uint8(kind), bz)
	}
}

// Check decodes bz as the msg type kind (modulo the number of types) and
// checks it.
func Check(t *testing.T, types []Type, kind uint8, bz []byte) {
	t.Helper()
	typ := types[int(kind)%len(types)]
	m := typ.New()
	if err := m.Unmarshal(bz); err != nil {
		return
	}
	basic, full := validate(typ, m)
	if basic != nil {
		return
	}
	// A msg the chain may accept is encoded one way: what it re-encodes to
	// decodes to the same msg, with the same verdicts.
	once, err := m.Marshal()
	if err != nil {
		t.Fatalf("%T passes ValidateBasic but does not marshal: %v", m, err)
	}
	again := typ.New()
	if err := again.Unmarshal(once); err != nil {
		t.Fatalf("%T: its own encoding does not decode: %v", m, err)
	}
	twice, err := again.Marshal()
	if err != nil {
		t.Fatalf("%T: re-decoded msg does not marshal: %v", m, err)
	}
	if !bytes.Equal(once, twice) {
		t.Fatalf("%T: marshal/unmarshal round trip changed the encoding\n%x\n%x", m, once, twice)
	}
	basic2, full2 := validate(typ, again)
	if fmt.Sprint(basic2) != fmt.Sprint(basic) || fmt.Sprint(full2) != fmt.Sprint(full) {
		t.Fatalf("%T: verdicts differ after a round trip: %v/%v, then %v/%v", m, basic, full, basic2, full2)
	}
}

func validate(typ Type, m Msg) (basic, full error) {
	basic = m.ValidateBasic()
	if typ.Validate != nil {
		full = typ.Validate(m)
	}
	return basic, full
}
