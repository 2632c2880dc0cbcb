namespace Petition.Web.Updates;

/// <summary>Wakes this instance's update sender when an update was posted or resumed, instead of waiting for the next poll.</summary>
public class UpdateSignal : Email.OutboxSignal;
