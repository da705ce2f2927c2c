// Package authmatrix holds the authorization matrix test (issue 10, item 1):
// every msg of every claimchain module is sent through the app's msg service
// router from every role — a non-member account, the right provider, another
// provider, the right insurer, another insurer, a suspended provider and a
// suspended insurer (each acting on its own records), the patient member's own
// account, and the governance authority — and each cell is checked against an
// expected allow, or a deny with one specific registered error that leaves every
// KV store byte for byte as it was.
//
// The test prints the matrix and keeps it in docs/authorization.md:
//
//	go test -run TestAuthorizationMatrix -v ./testutil/authmatrix/
//	UPDATE_AUTH_DOC=1 go test -run TestAuthorizationMatrix ./testutil/authmatrix/  # rewrite the doc
//
// The package has no non-test code; this file only documents it.
package authmatrix
