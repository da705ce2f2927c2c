package limits_test

import (
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"math/big"
	"os"
	"strings"
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/limits"
)

// constants returns every exported constant of limits.go with its value,
// evaluated by the type checker from the const blocks alone.
func constants(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "limits.go", nil, 0)
	require.NoError(t, err)
	var src strings.Builder
	src.WriteString("package limits\n")
	for _, d := range file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.CONST {
			require.NoError(t, printer.Fprint(&src, fset, g))
			src.WriteString("\n")
		}
	}
	only, err := parser.ParseFile(fset, "consts.go", src.String(), 0)
	require.NoError(t, err)
	pkg, err := new(types.Config).Check("limits", fset, []*ast.File{only}, nil)
	require.NoError(t, err)
	out := map[string]string{}
	for _, name := range pkg.Scope().Names() {
		if c, ok := pkg.Scope().Lookup(name).(*types.Const); ok && c.Exported() {
			out[name] = c.Val().ExactString()
		}
	}
	return out
}

// Every exported constant has a row in docs/limits.md giving its value.
func TestDocsListEveryLimit(t *testing.T) {
	doc, err := os.ReadFile("../../docs/limits.md")
	require.NoError(t, err)
	rows := map[string]string{}
	for _, line := range strings.Split(string(doc), "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 4 {
			continue
		}
		name := strings.Trim(strings.TrimSpace(cells[1]), "`")
		rows[name] = strings.ReplaceAll(strings.TrimSpace(cells[2]), ",", "")
	}
	consts := constants(t)
	require.Contains(t, consts, "MaxLines")
	for name, value := range consts {
		got, ok := rows[name]
		if !ok {
			t.Errorf("docs/limits.md has no row for %s", name)
			continue
		}
		if strings.Trim(got, "`") != value {
			t.Errorf("docs/limits.md gives %s as %q, the code says %s", name, got, value)
		}
	}
}

func TestChecks(t *testing.T) {
	require.NoError(t, limits.CheckString("f", strings.Repeat("a", 3), 3))
	require.ErrorIs(t, limits.CheckString("f", strings.Repeat("a", 4), 3), limits.ErrOverLimit)
	require.NoError(t, limits.CheckBytes("f", make([]byte, 3), 3))
	require.ErrorIs(t, limits.CheckBytes("f", make([]byte, 4), 3), limits.ErrOverLimit)
	require.NoError(t, limits.CheckList("f", 3, 3))
	require.ErrorIs(t, limits.CheckList("f", 4, 3), limits.ErrOverLimit)
	require.NoError(t, limits.CheckStrings("f", []string{"ab", "cd"}, 2, 2))
	require.ErrorIs(t, limits.CheckStrings("f", []string{"ab", "cd", "ef"}, 2, 2), limits.ErrOverLimit)
	require.ErrorIs(t, limits.CheckStrings("f", []string{"ab", "cde"}, 2, 2), limits.ErrOverLimit)
	require.NoError(t, limits.CheckAddress("f", strings.Repeat("a", limits.MaxAddressLength)))
	require.ErrorIs(t, limits.CheckAddress("f", strings.Repeat("a", limits.MaxAddressLength+1)), limits.ErrOverLimit)

	max := math.NewInt(limits.MaxAmount)
	require.NoError(t, limits.CheckAmount("f", math.Int{}))
	require.NoError(t, limits.CheckAmount("f", max))
	require.NoError(t, limits.CheckAmount("f", max.Neg()))
	require.ErrorIs(t, limits.CheckAmount("f", max.AddRaw(1)), limits.ErrOverLimit)
	require.ErrorIs(t, limits.CheckAmount("f", max.AddRaw(1).Neg()), limits.ErrOverLimit)
	huge := math.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 250))
	require.ErrorIs(t, limits.CheckAmount("f", huge), limits.ErrOverLimit)

	require.NoError(t, limits.CheckCoin("f", sdk.Coin{Denom: "usd", Amount: max}))
	require.ErrorIs(t, limits.CheckCoin("f", sdk.Coin{Denom: "usd", Amount: max.AddRaw(1)}), limits.ErrOverLimit)
	require.ErrorIs(t, limits.CheckCoin("f", sdk.Coin{Denom: strings.Repeat("u", limits.MaxDenomLength+1), Amount: max}), limits.ErrOverLimit)
}
