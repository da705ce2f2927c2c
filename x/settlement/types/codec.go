package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the msgs for amino JSON signing.
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	cdc.RegisterConcrete(&MsgFundEscrow{}, "claimchain/x/settlement/MsgFundEscrow", nil)
	cdc.RegisterConcrete(&MsgWithdrawEscrow{}, "claimchain/x/settlement/MsgWithdrawEscrow", nil)
	cdc.RegisterConcrete(&MsgSetHoldPeriod{}, "claimchain/x/settlement/MsgSetHoldPeriod", nil)
	cdc.RegisterConcrete(&MsgUpdateParams{}, "claimchain/x/settlement/MsgUpdateParams", nil)
}

// RegisterInterfaces registers the msgs with the interface registry.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgFundEscrow{}, &MsgWithdrawEscrow{}, &MsgSetHoldPeriod{}, &MsgUpdateParams{})
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
