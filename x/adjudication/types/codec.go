package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the msgs for amino JSON signing.
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	cdc.RegisterConcrete(&MsgCreatePlan{}, "claimchain/x/adjudication/MsgCreatePlan", nil)
	cdc.RegisterConcrete(&MsgAmendPlan{}, "claimchain/x/adjudication/MsgAmendPlan", nil)
	cdc.RegisterConcrete(&MsgEnrollMember{}, "claimchain/x/adjudication/MsgEnrollMember", nil)
	cdc.RegisterConcrete(&MsgTerminateCoverage{}, "claimchain/x/adjudication/MsgTerminateCoverage", nil)
}

// RegisterInterfaces registers the msgs with the interface registry.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgCreatePlan{}, &MsgAmendPlan{}, &MsgEnrollMember{}, &MsgTerminateCoverage{})
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
