package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the msgs for amino JSON signing.
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	cdc.RegisterConcrete(&MsgUpdateParams{}, "claimchain/x/refdata/MsgUpdateParams", nil)
	cdc.RegisterConcrete(&MsgStageChunk{}, "claimchain/x/refdata/MsgStageChunk", nil)
	cdc.RegisterConcrete(&MsgActivateVersion{}, "claimchain/x/refdata/MsgActivateVersion", nil)
	cdc.RegisterConcrete(&MsgRevokeVersion{}, "claimchain/x/refdata/MsgRevokeVersion", nil)
}

// RegisterInterfaces registers the msgs with the interface registry.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgUpdateParams{}, &MsgStageChunk{}, &MsgActivateVersion{}, &MsgRevokeVersion{})
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
