package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the msgs for amino JSON signing.
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	cdc.RegisterConcrete(&MsgSubmitClaim{}, "claimchain/x/claims/MsgSubmitClaim", nil)
	cdc.RegisterConcrete(&MsgVoidClaim{}, "claimchain/x/claims/MsgVoidClaim", nil)
	cdc.RegisterConcrete(&MsgReviewClaim{}, "claimchain/x/claims/MsgReviewClaim", nil)
	cdc.RegisterConcrete(&MsgAppealClaim{}, "claimchain/x/claims/MsgAppealClaim", nil)
	cdc.RegisterConcrete(&MsgDecideAppeal{}, "claimchain/x/claims/MsgDecideAppeal", nil)
}

// RegisterInterfaces registers the msgs with the interface registry.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil), &MsgSubmitClaim{}, &MsgVoidClaim{},
		&MsgReviewClaim{}, &MsgAppealClaim{}, &MsgDecideAppeal{})
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
