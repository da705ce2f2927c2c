package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the msgs for amino JSON signing (ledger).
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	cdc.RegisterConcrete(&MsgAdmitMember{}, "claimchain/x/membership/MsgAdmitMember", nil)
	cdc.RegisterConcrete(&MsgSuspendMember{}, "claimchain/x/membership/MsgSuspendMember", nil)
	cdc.RegisterConcrete(&MsgReinstateMember{}, "claimchain/x/membership/MsgReinstateMember", nil)
	cdc.RegisterConcrete(&MsgRemoveMember{}, "claimchain/x/membership/MsgRemoveMember", nil)
	cdc.RegisterConcrete(&MsgUpdateParams{}, "claimchain/x/membership/MsgUpdateParams", nil)
	cdc.RegisterConcrete(&Params{}, "claimchain/x/membership/Params", nil)
}

// RegisterInterfaces registers the msgs with the interface registry.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgAdmitMember{},
		&MsgSuspendMember{},
		&MsgReinstateMember{},
		&MsgRemoveMember{},
		&MsgUpdateParams{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
