import { protectedProcedure, router } from '@/trpc/init';
import { listMyProjects } from './list-my-projects';

export const projectsRouter = router({
  list: protectedProcedure.query(({ ctx }) => listMyProjects(ctx.db, ctx.user.id)),
});
