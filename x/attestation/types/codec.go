package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the msgs for amino JSON signing (ledger).
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	cdc.RegisterConcrete(&MsgAttestTreatment{}, "claimchain/x/attestation/MsgAttestTreatment", nil)
	cdc.RegisterConcrete(&MsgConfirmTreatment{}, "claimchain/x/attestation/MsgConfirmTreatment", nil)
	cdc.RegisterConcrete(&MsgDisputeTreatment{}, "claimchain/x/attestation/MsgDisputeTreatment", nil)
}

// RegisterInterfaces registers the msgs with the interface registry.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgAttestTreatment{}, &MsgConfirmTreatment{}, &MsgDisputeTreatment{})
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
