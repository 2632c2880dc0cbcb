namespace Petition.Data.Recipients;

/// <summary>
/// An addressee in the directory that admins keep for every letter (the 193 member states' missions, the treaty
/// bodies): a letter's recipients are added from it, each as a copy the letter then owns.
/// </summary>
public class DirectoryEntry : Addressee;
