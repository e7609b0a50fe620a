using PointsLedger.Auth;

namespace PointsLedger.Villages;

public static class VillageAccess
{
    /// <summary>Once the village is loaded: its own staff act in it, township roles only in their township's villages.</summary>
    public static Actor MustActIn(this Actor actor, Village village) => actor.MustActIn(village.Id).MustActInTownship(village.Township);
}
