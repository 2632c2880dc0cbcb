using Petition.Data.Letters;
using Petition.Web.Pages.Letters;

namespace Petition.Web.Pages.Shared;

/// <summary>What the signature fields partial needs: the letter's field rules and what the signer typed.</summary>
public record SignatureFieldsModel(Letter Letter, SignatureFormInput Input, bool AskEmail);
