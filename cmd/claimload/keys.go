package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"

	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

// The load's accounts and pseudonyms are derived from fixed labels, so
// `genesis` and `run` (and repeated runs) agree without sharing a key file.
// They are test keys: never use them for real funds.

func providerKey(i int) *secp256k1.PrivKey {
	return secp256k1.GenPrivKeyFromSecret([]byte(fmt.Sprintf("claimload provider %d", i)))
}

func senderKey(i int) *secp256k1.PrivKey {
	return secp256k1.GenPrivKeyFromSecret([]byte(fmt.Sprintf("claimload sender %d", i)))
}

func addrOf(k *secp256k1.PrivKey) sdk.AccAddress { return sdk.AccAddress(k.PubKey().Address()) }

// sinkAddr is where sender i sends: one recipient per sender, so bank sends
// touch disjoint balances.
func sinkAddr(i int) sdk.AccAddress {
	sum := sha256.Sum256([]byte(fmt.Sprintf("claimload sink %d", i)))
	return sdk.AccAddress(sum[:20])
}

// memberPseudonym is member i's pseudonym: 64 lower-case hex, as an insurer issues.
func memberPseudonym(i int) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("claimload member %d", i)))
	return hex.EncodeToString(sum[:])
}

// practitionerNPI is the NPI of practitioner j of provider p: the rendering
// NPI of that practitioner's service lines.
func practitionerNPI(p, j int) string {
	for d := 0; d < 10; d++ {
		npi := fmt.Sprintf("16%04d%03d%d", p, j, d)
		if membershiptypes.ValidateNPI(npi) == nil {
			return npi
		}
	}
	panic("no NPI check digit") // unreachable: one of ten digits always satisfies Luhn
}

// providerNPI returns a valid NPI (Luhn check digit with the 80840 prefix) for provider i.
func providerNPI(i int) string {
	for d := 0; d < 10; d++ {
		npi := fmt.Sprintf("15%07d%d", 1000+i, d)
		if membershiptypes.ValidateNPI(npi) == nil {
			return npi
		}
	}
	panic("no NPI check digit") // unreachable: one of ten digits always satisfies Luhn
}
